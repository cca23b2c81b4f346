"""Scoring: how similar a query is to a listed name, on one 0..1 scale.

``name`` analyses names into comparable forms and compares them (syllable alignment for
persons, legal-form-folded tokens for organisations); ``context`` adjusts for birth dates and
countries; ``explain`` replays a comparison with tracing for analysts.
"""
