#!/bin/bash
# image-registry serve:  makes /tmp/htpasswd (bcrypt) for REGISTRY_USER from the password in
#                        REGISTRY_PASSWORD_FILE, then runs the registry.
# image-registry health: 0 when the registry's own health endpoint answers 200 (no curl here).
set -euo pipefail
case "${1:-serve}" in
  serve)
    password_file=${REGISTRY_PASSWORD_FILE:-/run/secrets/image-registry-password}
    [ -r "$password_file" ] || { echo "no password file at $password_file" >&2; exit 1; }
    tr -d '\n' <"$password_file" | htpasswd -niB "${REGISTRY_USER:-pss}" >/tmp/htpasswd
    exec docker-registry serve /etc/pss/image-registry.yml
    ;;
  health)
    exec 3<>/dev/tcp/127.0.0.1/5001
    printf 'GET /debug/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    read -r -t 2 _ status _ <&3
    [ "$status" = 200 ]
    ;;
  *) exec "$@" ;;
esac
