"""Placeholder until the rules of this family land."""
