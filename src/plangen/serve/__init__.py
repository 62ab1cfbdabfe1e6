"""``plangen serve``: a local web page that shows a plan's documents as pages, with its
errors and the gate's findings, and updates itself after every save.

Why: the people who edit a plan are a phó hiệu trưởng or a văn thư; seeing the pages
beside the YAML, without a command or Word in between, is what makes a plan file
tolerable. This package is optional (``plangen[serve]``): the rest of plangen never
imports it.
"""
