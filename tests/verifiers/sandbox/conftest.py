"""Fixtures for the sandbox tests: every backend that exists here, and a leftover check.

A backend that is truly absent (no bubblewrap, no Docker engine or image) is
skipped with the reason, except when ``$CI`` is set: then it is a failure.

The ``process`` backend does NOT isolate: a program run through it acts on
the real host as the test runner (root in CI). Never give it a program that
touches paths outside its own workdir; use the ``isolating`` fixture for that.
"""

from __future__ import annotations

import pytest

from rlvr.verifiers.sandbox.testing import TEST_BACKENDS, backend_or_skip, leftovers, new_token


@pytest.fixture(params=TEST_BACKENDS)
def sandbox(request):
    return backend_or_skip(request.param)


@pytest.fixture(params=[k for k in TEST_BACKENDS if k != "process"])
def isolating(request):
    return backend_or_skip(request.param)


@pytest.fixture
def token():
    """A unique marker put into every run's env; afterwards no process may still carry it."""
    value = new_token()
    yield value
    left = leftovers(value)
    assert not left, f"the run left something behind: {left}"
