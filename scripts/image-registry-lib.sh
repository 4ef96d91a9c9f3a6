# The project's image registry as the scripts reach it (scripts/image-registry.sh runs it). Sourced,
# after lib.sh, with $env_file set.
#   PSS_IMAGE_REGISTRY  its address, host:port (default 127.0.0.1:$PSS_IMAGE_REGISTRY_PORT, 5000)
image_registry=${PSS_IMAGE_REGISTRY:-127.0.0.1:${PSS_IMAGE_REGISTRY_PORT:-5000}}
image_registry_user=pss
image_registry_password_file="$(secrets_dir_of "$env_file")/image-registry-password"

# curl with the registry's credentials given on stdin, never on a command line.
image_registry_curl() {
  printf 'user = "%s:%s"\n' "$image_registry_user" "$(cat "$image_registry_password_file")" \
    | curl --config - --silent --max-time 10 "$@"
}

image_registry_answers() {
  local status
  status=$(curl --silent --max-time 5 --output /dev/null --write-out '%{http_code}' "http://$image_registry/v2/") || true
  [ "$status" = 200 ] || [ "$status" = 401 ]
}

# Whether the registry holds repository $1 (e.g. pss/fares) at tag $2.
image_registry_has() {
  local status
  status=$(image_registry_curl --head --output /dev/null --write-out '%{http_code}' \
    --header 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json' \
    "http://$image_registry/v2/$1/manifests/$2") || true
  [ "$status" = 200 ]
}

# Runs "$@" (a docker command) logged in to the registry through a throwaway client configuration,
# so that the credentials are not left in ~/.docker/config.json.
with_image_registry_login() {
  local config output status=0
  config=$(mktemp -d)
  # Its warning about credentials stored unencrypted is about this throwaway file.
  output=$(DOCKER_CONFIG=$config docker login --username "$image_registry_user" --password-stdin \
    "$image_registry" <"$image_registry_password_file" 2>&1) || { rm -rf "$config"; die "docker login to $image_registry: $output"; }
  DOCKER_CONFIG=$config "$@" || status=$?
  rm -rf "$config"
  return "$status"
}
