"""Rasa adapters: the custom NLU components, the input channel and the tracker store.

These import Rasa; the domain packages below them never do.
"""
