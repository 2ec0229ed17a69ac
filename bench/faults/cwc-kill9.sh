#!/usr/bin/env bash
# Fault: kill -9 of the CWC drainer in the middle of 5,000 queued deliveries, then a restart (docs/faults.md).
# A wrapper around bench/cwc.sh, which does the work and exits non-zero when a letter is posted twice, lost, or
# more than one is left in doubt.
#
#   bench/faults/cwc-kill9.sh              # N=5000, killed after KILL_AFTER=1500 accepted
exec env MODE=kill N="${N:-5000}" KILL_AFTER="${KILL_AFTER:-1500}" "$(dirname "$0")/../cwc.sh" "$@"
