#!/bin/sh
# Starts the service, or with `migrate` as its first argument (the ECS migration task's command) the schema
# migration. The root filesystem is read-only; /tmp is the task's scratch volume.
set -eu

# The field-encryption key ring arrives as one secret (trellis.crypto.* properties with KMS-wrapped data
# keys): written to a file Quarkus reads, since its key ids are part of the property names.
scratch=${TMPDIR:-/tmp}
if [ -n "${TRELLIS_FIELD_KEYS:-}" ]; then
  umask 077
  printf '%s\n' "$TRELLIS_FIELD_KEYS" > "$scratch/field-keys.properties"
  unset TRELLIS_FIELD_KEYS
  JAVA_OPTS="${JAVA_OPTS:-} -Dquarkus.config.locations=$scratch/field-keys.properties"
fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Djava.io.tmpdir="$scratch" -jar "${TRELLIS_APP_DIR:-/deployments}/quarkus-run.jar" "$@"
