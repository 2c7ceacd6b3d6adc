"""Learning from what residents actually ask.

De-identified messages the bot did not understand, grouped by likeness, labelled by a beheerder
and exported as Rasa NLU training data. Domain code: it imports only ``kern``.
"""
