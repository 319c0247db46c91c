#!/usr/bin/env bash
# Set up (first run only), load the bundled sample minutes into SQLite and start the bot
# in local development mode on http://127.0.0.1:3978/api/messages. Extra arguments go to serve.
source "$(dirname "$0")/setup.sh"
exec .venv/bin/referatbot serve --dev --samples "$@"
