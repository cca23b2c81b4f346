"""Text normalization: from whatever a user or a list typed to comparable tokens.

``text`` handles Unicode (NFKC, invisible characters, homoglyphs, diacritics, case,
punctuation); ``names`` handles name structure (titles, ``SURNAME, Given`` order, legal forms of
organisations). Both are pure functions; caching happens in the screener.
"""
