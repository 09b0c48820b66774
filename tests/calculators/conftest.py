"""Hypothesis without a deadline: speed is measured by the benchmark, never by a timed test
(a busy two-core machine would otherwise fail a property for being slow, not wrong)."""

from hypothesis import settings

settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")
