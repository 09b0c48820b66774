"""What the production tests share besides fixtures."""

import socket

STAND_IN_EMBED = "embed/stand-in/index.html"  # an /embed/ page that exists whatever issue 10 builds


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
