#!/usr/bin/env bash
# Builds, from this machine's own files, the base image of the function image (nothing is pulled;
# there may be no registry at all):
#
#   farmhand/jre:25      a root filesystem holding a jlink'ed Java 25 runtime (the modules the farm
#                        needs, with its class-data-sharing archive) and the shared libraries ldd
#                        lists for it
#
# (The tests' Redis image, farmhand/redis:7, is built by the test fixture RedisContainer itself.)
# Needs a running engine (DOCKER_HOST, see ci/docker-engine.sh) and a JDK 25 (JAVA_HOME or
# /usr/lib/jvm). The tag is fixed; rebuilding replaces it.
set -euo pipefail
cd "$(dirname "$0")/.."

jre_tag="${FARMHAND_JRE_IMAGE:-farmhand/jre:25}"
# The modules the farm's functions load (jdeps of the farm's jar and its dependencies, plus
# jdk.httpserver for the function contract and jdk.crypto.ec/jdk.zipfs for TLS and jars).
modules="java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jfr"

. .mvn/jdk.sh
farmhand_select_jdk >/dev/null

work="$(mktemp -d /tmp/farmhand-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Copies each shared library that ldd lists for the given files into the root filesystem $1,
# at the same path (and the path the symlink points to), so the dynamic loader finds it.
copy_libraries() {
  local rootfs="$1"; shift
  ldd "$@" 2>/dev/null | grep -o '/[^ ]*' | sort -u | while read -r lib; do
    [ -e "$lib" ] || continue
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
}

# The few files every image needs: a root and a nobody user, hosts lookup order, /tmp.
minimal_etc() {
  local rootfs="$1"
  mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/lib64"
  chmod 1777 "$rootfs/tmp"
  printf 'root:x:0:0:root:/root:/bin/false\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
}

# --- farmhand/jre:25 -------------------------------------------------------------------------
jre_root="$work/jre"
minimal_etc "$jre_root"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$jre_root/opt/java"
# The default class-data-sharing archive for this runtime (shortens every JVM start).
"$jre_root/opt/java/bin/java" -Xshare:dump >/dev/null 2>&1 || true
copy_libraries "$jre_root" "$jre_root/opt/java/bin/java" $(find "$jre_root/opt/java/lib" -name '*.so')
tar -C "$jre_root" -c . | docker import \
  --change 'ENV JAVA_HOME=/opt/java' \
  --change 'ENV PATH=/opt/java/bin' \
  --change 'ENTRYPOINT ["/opt/java/bin/java"]' \
  - "$jre_tag" >/dev/null
echo "images: $jre_tag ($(docker image inspect "$jre_tag" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'))"
