"""Reading `programmes/`: every file strictly, every record that held salvaged, the rules
run, every problem at its line (`load`); `validate`'s checking on two cores (`check`).

Imports `rules`, `state`, `model` and `text` only.
"""
