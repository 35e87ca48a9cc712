"""The typed, frozen, public model of the data contract (version 1)."""
