"""Tests of rhaglen.pages."""
