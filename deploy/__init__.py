"""Putting the built site on a real host: server configurations generated from `hosting`'s
policy (`configs`), nginx and Caddy run in the foreground on them (`servers`), and the publish
targets (`publish`)."""
