# Sourced by run.sh and test.sh. `as_invoker CMD...` runs the build and the service as the user who
# called `sudo`, so that target/ and ~/.m2 stay theirs and a later `./mvnw` without sudo works;
# run directly as root (or as a normal user) it simply runs CMD.
as_invoker() {
  if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
    local home
    home=$(getent passwd "$SUDO_USER" | cut -d: -f6)
    runuser -u "$SUDO_USER" -- env HOME="$home" USER="$SUDO_USER" "$@"
  else
    "$@"
  fi
}
