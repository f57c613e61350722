"""The scale benchmark (`make bench`): the project against plain MkDocs + Material in the same run; see run.py."""
