"""What the production tests share besides fixtures."""

import json
import os
import socket

STAND_IN_EMBED = "embed/stand-in/index.html"  # an /embed/ page that exists whatever issue 10 builds
# A production build refuses pelicanconf.py's placeholder reviewer: these builds name a real one,
# as a clinic would (publishconf.py reads REVIEWERS from the environment).
REVIEWERS = {"clinical-lead": "Dr J. Rivera, MD (clinical lead)"}


def with_reviewers(environment=None):
    """The environment a production build in another process needs: a real reviewer."""
    return {**(os.environ if environment is None else environment), "REVIEWERS": json.dumps(REVIEWERS)}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
