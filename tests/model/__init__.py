"""Tests of rhaglen.model."""
