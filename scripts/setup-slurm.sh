#!/usr/bin/env bash
# Installs Slurm and munge (Debian's slurm-wlm, Slurm 22.05 on Debian 12) for the tests that run evaluations as Slurm
# batch jobs on a single-node cluster (scripts/slurm-cluster.mjs starts it). Idempotent: nothing is done when the
# programs are already there. Non-interactive. `apt-get update` runs only when the install fails without it.
set -euo pipefail

say() { printf '[setup-slurm] %s\n' "$*"; }

# The daemons live in /usr/sbin, which a non-root PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
PROGRAMS=(sbatch squeue scontrol scancel sinfo slurmctld slurmd munged)
APT_PACKAGES=(slurm-wlm munge)

missing=()
for p in "${PROGRAMS[@]}"; do
  if ! command -v "$p" >/dev/null 2>&1; then missing+=("$p"); fi
done
if ((${#missing[@]} == 0)); then
  say "slurm and munge already installed (slurm-wlm $(dpkg-query -W -f='${Version}' slurm-wlm 2>/dev/null || echo '?'))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
install() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}"; }
say "apt: installing ${APT_PACKAGES[*]} (missing: ${missing[*]})"
if ! install; then
  say "apt: install failed; updating the package lists and trying again"
  $SUDO apt-get update -q
  install
fi

for p in "${PROGRAMS[@]}"; do
  if ! command -v "$p" >/dev/null 2>&1; then
    say "ERROR: $p is still missing after installing ${APT_PACKAGES[*]}"
    exit 1
  fi
done
say "ready: slurm-wlm $(dpkg-query -W -f='${Version}' slurm-wlm 2>/dev/null || echo '?')"
