"""Rasa SDK action server: thin adapters from Rasa to the plain-Python triage engine."""
