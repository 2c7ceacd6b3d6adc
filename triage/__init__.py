"""The triage conversation as plain Python: crisis layer, slot extraction, route, next step.

Nothing here imports Rasa; the actions in ``actions/`` only translate between Rasa and this.
"""
