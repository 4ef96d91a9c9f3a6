# Sourced by the test and bench scripts. testcontainers runs on the local engine (no gateway lookup,
# which would pull alpine). Ryuk, its reaper, is used when its image is here; where it cannot be
# pulled, it is disabled and the tests stop their own containers.
export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
if [ -z "${TESTCONTAINERS_RYUK_DISABLED:-}" ]; then
  if [ -z "$(docker images -q 'testcontainers/ryuk' 2>/dev/null)" ]; then
    export TESTCONTAINERS_RYUK_DISABLED=true
  fi
fi
