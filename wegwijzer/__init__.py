"""Wegwijzer: triage chatbot for the Dutch sociaal domein (core: settings, profile, set-up, CLI)."""
