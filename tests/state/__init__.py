"""Tests of rhaglen.state."""
