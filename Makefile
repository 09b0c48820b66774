# The two commands of the README. Both bootstrap first (venv, pinned packages, npm ci).
.PHONY: serve test bench bootstrap

serve: bootstrap
	.venv/bin/invoke build serve

test: bootstrap
	scripts/bootstrap --browser
	.venv/bin/invoke test

bench: bootstrap
	scripts/bootstrap --browser
	.venv/bin/invoke bench

bootstrap:
	scripts/bootstrap
