"""Tests of rhaglen.scaffold."""
