"""The build's server configurations: `_headers` in the output (hosts read it there), and the
nginx server block and Caddyfile beside the output (`deploy.configs.config_folder`), for the
address and folder the settings name."""

from pathlib import Path

from deploy import configs


def write_server_configs(settings):
    output = Path(settings["OUTPUT_PATH"])
    root = settings.get("HOSTING_ROOT") or output.resolve()
    address = configs.site_address(settings)
    (output / "_headers").write_text(configs.headers_file())
    folder = configs.config_folder(output)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nginx.conf").write_text(configs.nginx_site(root, address))
    (folder / "Caddyfile").write_text(configs.caddyfile(root, address))
