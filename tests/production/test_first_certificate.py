"""An https:// site on a fresh server, before it has a certificate: what the build wrote passes
`nginx -t` (its first stage) and `caddy validate` with nothing else there; certbot's webroot
challenge is answered over plain HTTP while every other path redirects to HTTPS, before and after
the certificate; once it exists, the full nginx block passes and serves the site over HTTPS."""

import ssl
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy.configs import (
    NGINX_FIRST_CERTIFICATE, config_folder, nginx_first_certificate, nginx_site,
)
from deploy.hosting import ACME_CHALLENGE, CERTIFICATES, HTTPS_ONLY
from deploy.servers import RealServer, check_config
from plugins.production.server_config import write_server_configs
from project import ToolFailed, run_tool
from tests.production.support import free_port

HOST = "www.example.org"


def write_configs(output, address):
    """What a production build for `address` writes beside `output` (the build's own function)."""
    output.mkdir(exist_ok=True)
    write_server_configs({"OUTPUT_PATH": str(output), "SITEURL": address,
                          "HOSTING_ROOT": "/var/www/ketamine"})
    return config_folder(output)


def make_certificate(folder, host):
    """A self-signed certificate where certbot would put `host`'s: `folder`/`host`/."""
    (folder / host).mkdir(parents=True, exist_ok=True)
    run_tool(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
              "-subj", f"/CN={host}", "-keyout", folder / host / "privkey.pem",
              "-out", folder / host / "fullchain.pem"])
    return folder


def test_on_a_fresh_server_nginxs_first_stage_and_the_caddyfile_pass_their_checks(tmp_path):
    folder = write_configs(tmp_path / "output", f"https://{HOST}")
    assert not Path(CERTIFICATES, HOST).exists()  # no certificate, as on a fresh server
    check_config("nginx", folder / NGINX_FIRST_CERTIFICATE)
    check_config("caddy", folder / "Caddyfile")  # Caddy gets its certificate itself
    # The full block names the certificate's files: the reason there is a first stage.
    with pytest.raises(ToolFailed) as refused:
        check_config("nginx", folder / "nginx.conf")
    assert f"{CERTIFICATES}/{HOST}/fullchain.pem" in str(refused.value)


def test_once_certbot_has_the_certificate_the_full_block_passes(tmp_path):
    certificates = make_certificate(tmp_path / "live", HOST)
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_site("/var/www/ketamine", f"https://{HOST}", certificates=certificates))
    check_config("nginx", config)


def test_an_http_site_gets_no_first_stage_and_loses_one_an_earlier_build_wrote(tmp_path):
    folder = write_configs(tmp_path / "output", f"https://{HOST}")
    assert (folder / NGINX_FIRST_CERTIFICATE).is_file()
    write_configs(tmp_path / "output", "http://127.0.0.1:8080")
    assert not (folder / NGINX_FIRST_CERTIFICATE).exists()
    with pytest.raises(ValueError):
        nginx_first_certificate("http://127.0.0.1:8080")


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # the redirect itself is the answer under test


def get(url, context=None):
    """Status, headers and body of `url`, following no redirect (a self-signed `context`)."""
    opener = urllib.request.build_opener(NoRedirects, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(urllib.request.Request(url), timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("stage", ["first stage", "with the certificate"])
def test_the_challenge_is_answered_over_plain_http_and_every_other_path_redirects(tmp_path, site, stage):
    tls_port, http_port = free_port(), free_port()
    address, plain = f"https://127.0.0.1:{tls_port}", f"http://127.0.0.1:{http_port}"
    webroot = tmp_path / "acme"  # what `certbot certonly --webroot -w` writes the token into
    token = webroot / ACME_CHALLENGE.strip("/") / "token-Zx81"
    token.parent.mkdir(parents=True)
    token.write_text("token-Zx81.thumbprint")
    where = {"http_port": http_port, "webroot": webroot}
    config = tmp_path / "site.conf"
    if stage == "first stage":
        config.write_text(nginx_first_certificate(address, **where))
    else:
        certificates = make_certificate(tmp_path / "live", "127.0.0.1")
        config.write_text(nginx_site(site.resolve(), address, certificates=certificates, **where))
    with RealServer("nginx", config, plain):
        assert get(f"{plain}{ACME_CHALLENGE}token-Zx81")[::2] == (200, b"token-Zx81.thumbprint")
        assert get(f"{plain}{ACME_CHALLENGE}no-such-token")[0] == 404  # never a redirect
        for path in ["/", "/calculators/dose/?weight=70&unit=kg", "/.well-known/other",
                     ACME_CHALLENGE.rstrip("/"), f"{ACME_CHALLENGE}x/../../../about/"]:
            status, headers, _ = get(plain + path)
            assert status == 301, f"{stage} {path}"
            assert headers["Location"] == address + path, path
        if stage == "with the certificate":
            unverified = ssl.create_default_context()
            unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE
            status, headers, body = get(f"{address}/", context=unverified)
            assert (status, body) == (200, (site / "index.html").read_bytes())
            assert {name: headers[name] for name in HTTPS_ONLY} == HTTPS_ONLY
