"""The build's server configurations: `_headers` and `_redirects` in the output (hosts read them
there), and the nginx server block and Caddyfile beside the output
(`deploy.configs.config_folder`), for the address and folder the settings name; for an https://
address, also nginx's first stage, which serves only certbot's challenge until the certificate
exists (README: "The first certificate")."""

from pathlib import Path

from deploy import configs


def write_server_configs(settings):
    output = Path(settings["OUTPUT_PATH"])
    root = settings.get("HOSTING_ROOT") or output.resolve()
    address = configs.site_address(settings)
    (output / "_headers").write_text(configs.headers_file())
    (output / "_redirects").write_text(configs.redirects_file())
    folder = configs.config_folder(output)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nginx.conf").write_text(configs.nginx_site(root, address))
    (folder / "Caddyfile").write_text(configs.caddyfile(root, address))
    first = folder / configs.NGINX_FIRST_CERTIFICATE
    if address.startswith("https://"):
        first.write_text(configs.nginx_first_certificate(address))
    else:
        first.unlink(missing_ok=True)  # from a build for another address: this one needs none
