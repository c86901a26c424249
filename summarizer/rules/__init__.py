"""rules: what the text already structures, read without a model (and so exactly).

`figures` is the grammar of numbers as reports print them (levels, changes, comparators, the
clause that binds an indicator to its figures); `targets`, `headline` and `problems` read the
plan year's targets, the review year's headline results and the problems passage with it.
"""
