import pytest

from scripts.site import build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once by Pelican into a temporary folder."""
    return build_site(tmp_path_factory.mktemp("site"))
