#!/usr/bin/env bash
# Builds the base image of Liuhua's container images without Docker or a registry: a minimal root file system with
# Debian's Java 17 runtime (openjdk-17-jre-headless) and exactly the libraries it needs, assembled from the .deb
# packages listed in base-packages.txt (apt-get download + dpkg-deb -x, no maintainer scripts run), written as a
# docker-save tarball (manifest.json, config JSON, one gzipped layer) that Jib takes as its base with tar://.
#
#   deploy/images/build-base.sh [--force] [--for-base <image reference>]
#
# Output: deploy/images/target/liuhua-jre17-base.tar (and .packages: the package versions inside). Needs apt-get
# and dpkg-deb (Debian/Ubuntu), a JDK 17 on PATH (to write Java's trust store), tar, gzip, sha256sum; not root.
# Rebuilds only when this script, the package list or the packages' versions (apt-get update) changed; the same
# packages give the same tarball, byte for byte (fixed file dates and owners, sorted entries; SOURCE_DATE_EPOCH
# sets the date, default 1 = 1970-01-01T00:00:01Z like Jib's layers).
# --for-base: what the images profile passes (its liuhua.image.base): anything but this script's own tarball
# (a registry image given with -Dliuhua.image.base=…) means there is nothing to build.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out_dir=${LIUHUA_BASE_DIR:-$here/target}
tarball=$out_dir/liuhua-jre17-base.tar
tag=liuhua/jre17-base:bookworm
epoch=${SOURCE_DATE_EPOCH:-1}
java_home=/usr/lib/jvm/java-17-openjdk-amd64
force=false

while [ $# -gt 0 ]; do
  case $1 in
    --force) force=true ;;
    --for-base)
      shift
      wanted=${1:-}
      if [ "${wanted#tar://}" != "$wanted" ] \
          && [ "$(realpath -m "${wanted#tar://}")" = "$(realpath -m "$tarball")" ]; then
        :
      else
        echo "base image: $wanted (given); the local base $tarball is not needed"
        exit 0
      fi
      ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in apt-cache apt-get dpkg-deb java tar gzip sha256sum; do
  command -v "$tool" >/dev/null || { echo "build-base.sh: $tool is missing: the base is built on Debian/Ubuntu with a JDK 17; elsewhere pass a base image, e.g. -Dliuhua.image.base=eclipse-temurin:17-jre-noble" >&2; exit 1; }
done
[ "$(dpkg --print-architecture)" = amd64 ] || { echo "build-base.sh: builds linux/amd64 only" >&2; exit 1; }

# one build at a time (the images profile runs this in every module that builds an image, maybe in parallel)
mkdir -p "$out_dir"
if command -v flock >/dev/null; then
  exec 9> "$out_dir/.lock"
  flock 9
fi

# 1. resolve the packages to versions and checksums (from apt's signed indexes)
specs=()
while read -r line; do
  line=${line%%#*}
  line=$(echo "$line" | tr -d '[:space:]')
  [ -n "$line" ] && specs+=("$line")
done < "$here/base-packages.txt"
resolved=()
for spec in "${specs[@]}"; do
  info=$(apt-cache show --no-all-versions "$spec" 2>/dev/null) || true
  version=$(printf '%s\n' "$info" | sed -n 's/^Version: //p' | head -1)
  sha=$(printf '%s\n' "$info" | sed -n 's/^SHA256: //p' | head -1)
  if [ -z "$version" ] || [ -z "$sha" ]; then
    echo "build-base.sh: apt knows no package $spec (run apt-get update as root first)" >&2
    exit 1
  fi
  resolved+=("${spec%%=*}=$version $sha")
done
key=$( { sha256sum "$0" "$here/base-packages.txt" "$here/TrustStore.java" | cut -d' ' -f1; \
  printf '%s\n' "${resolved[@]}" "$epoch"; } | sha256sum | cut -d' ' -f1)
if ! $force && [ -f "$tarball" ] && [ "$(cat "$tarball.key" 2>/dev/null)" = "$key" ]; then
  echo "base image up to date: $tarball ($(du -h "$tarball" | cut -f1))"
  exit 0
fi
echo "building the base image $tag from ${#resolved[@]} Debian packages"

# 2. download the .debs (cached in target/debs; apt-get checks them against the signed indexes)
debs=$out_dir/debs
mkdir -p "$debs"
deb_file() { # name sha256: the downloaded .deb with that checksum, if any
  local f
  for f in "$debs/$1_"*.deb; do
    if [ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$2" ]; then echo "$f"; return; fi
  done
}
want=()
for r in "${resolved[@]}"; do
  nv=${r%% *}
  [ -n "$(deb_file "${nv%%=*}" "${r##* }")" ] || want+=("$nv")
done
if [ ${#want[@]} -gt 0 ]; then
  (cd "$debs" && apt-get download -q "${want[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
fi

# 3. unpack them into a fresh root file system
work=$(mktemp -d "${TMPDIR:-/tmp}/liuhua-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root/var/lib/dpkg/status.d"
: > "$work/packages"
for r in "${resolved[@]}"; do
  nv=${r%% *}
  sha=${r##* }
  name=${nv%%=*}
  file=$(deb_file "$name" "$sha")
  [ -n "$file" ] || { echo "build-base.sh: download of $nv failed" >&2; exit 1; }
  dpkg-deb -x "$file" "$root"
  # what dpkg would have recorded, one file per package as in distroless images, so scanners see the versions
  { dpkg-deb -f "$file"; echo "Status: install ok installed"; } > "$root/var/lib/dpkg/status.d/$name"
  echo "$nv" >> "$work/packages"
done

# 4. trim what a server JVM never reads: documentation (the copyright files stay), manuals, debugger and
#    compiler helpers, iconv modules, javac's symbol table, the JRE's desktop/launcher tools
rm -rf "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/lintian" "$root/usr/share/gdb" \
  "$root/usr/share/gcc" "$root/usr/lib/debug" "$root/usr/lib/x86_64-linux-gnu/gconv" \
  "$root$java_home/lib/ct.sym" "$root$java_home/man" "$root$java_home/bin/jpackage" \
  "$root$java_home/bin/rmiregistry"
find "$root/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
find "$root/usr/share/doc" -depth -type d -empty -delete

# 5. what the maintainer scripts would have written, and the image's own files
ln -sf "$java_home/bin/java" "$root/usr/bin/java"
ln -sf "$java_home/bin/keytool" "$root/usr/bin/keytool"
mkdir -p "$root/etc/ssl/certs/java"
find "$root/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$root/etc/ssl/certs/ca-certificates.crt"
# shellcheck disable=SC2046
java "$here/TrustStore.java" "$root/etc/ssl/certs/java/cacerts" "$epoch" \
  $(find "$root/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort) >/dev/null
cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
mkdir -p "$root/tmp" "$root/home/nonroot"
chmod 1777 "$root/tmp"
chmod 0755 "$root/home/nonroot"
mkdir -p "$root/usr/share/liuhua-base"
cp "$work/packages" "$root/usr/share/liuhua-base/packages"

# 6. the layer: sorted, one date, owned by root except the non-root user's home
(cd "$root" && find . -mindepth 1 ! -path ./home/nonroot | LC_ALL=C sort > "$work/files")
tar -C "$root" --format=gnu --no-recursion --numeric-owner --owner=0 --group=0 --mtime="@$epoch" \
  -cf "$work/layer.tar" -T "$work/files"
tar -C "$root" --format=gnu --no-recursion --numeric-owner --owner=65532 --group=65532 --mtime="@$epoch" \
  -rf "$work/layer.tar" ./home/nonroot
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
size=$(stat -c %s "$work/layer.tar")
gzip -n -6 "$work/layer.tar"

# 7. config and manifest (docker save format)
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
jdk=$(sed -n 's/^openjdk-17-jre-headless=//p' "$work/packages")
packages=$(tr '\n' ' ' < "$work/packages" | sed 's/ $//')
mkdir -p "$work/image"
cat > "$work/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"$created","config":{"User":"65532:65532","Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],"WorkingDir":"/","Labels":{"org.opencontainers.image.title":"liuhua-jre17-base","org.opencontainers.image.description":"Debian bookworm packages, no shell: Java $jdk","org.liuhua.base.packages":"$packages"}},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created":"$created","created_by":"deploy/images/build-base.sh: $packages"}]}
CONFIG
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config_id.json"
mv "$work/layer.tar.gz" "$work/image/$diff_id.tar.gz"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s.tar.gz"]}]\n' "$config_id" "$tag" "$diff_id" \
  > "$work/image/manifest.json"
mkdir -p "$out_dir"
tar -C "$work/image" --format=gnu --numeric-owner --owner=0 --group=0 --mtime="@$epoch" \
  -cf "$tarball.tmp" manifest.json "$config_id.json" "$diff_id.tar.gz"
mv "$tarball.tmp" "$tarball"
cp "$work/packages" "${tarball%.tar}.packages"
echo "$key" > "$tarball.key"
echo "base image $tag: $tarball"
echo "  $(du -h "$tarball" | cut -f1) compressed, $((size / 1024 / 1024)) MiB unpacked; config sha256:$config_id"
sed 's/^/  /' "$work/packages"
