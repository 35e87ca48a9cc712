"""Text basics every stage uses: YAML read with the line of every value, syntax advice,
the `Problem` a person reads, Prose, names, and the catalogues of interface words.

Imports nothing else of Rhaglen's.
"""
