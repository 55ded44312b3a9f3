# Shared set-up for ./l4emu and ./run-tests: finds JDK 25 and Maven, and installs the Debian
# packages l4emu needs (when root) or says in one line what to install. Sourced, not run.
#
# Each package is checked by trying what l4emu needs it for, not by asking the package manager
# or a cache (ldconfig -p still lists a deleted library; gcc -m32 -print-libgcc-file-name prints
# the 64-bit libgcc when the 32-bit one is missing). scripts/test-setup-checks proves each check
# says "absent" when the package's files are hidden.

# libunicorn2: the CPU engine; gcc-arm-none-eabi and gcc-multilib: the host gcc builds the ARM
# guests, and with -m32 the x86 guests, each linked with its libgcc; libcapstone4: disassembly
# in 'l4emu step'; gdb-multiarch and lldb: the debugger tests drive the real debuggers.
# Named as Debian 12 names them; l4emu_package_alternatives gives the other distributions' names.
L4EMU_PACKAGES_NEEDED=(libunicorn2 gcc-arm-none-eabi gcc-multilib libcapstone4 gdb-multiarch lldb)

# The packages that may provide need $1, Debian 12's name first: Debian 13 and Ubuntu 24.04 ship
# the 64-bit time_t rebuild libunicorn2t64 (Unicorn 2.1.x on Debian 13), and Capstone 5.
l4emu_package_alternatives() {
    case "$1" in
        libunicorn2) echo libunicorn2 libunicorn2t64 ;;
        libcapstone4) echo libcapstone4 libcapstone5 ;;
        *) echo "$1" ;;
    esac
}

# The package apt can install for need $1 on this machine (after apt-get update; without package
# lists, Debian 12's name).
l4emu_package_to_install() {
    local alternative
    for alternative in $(l4emu_package_alternatives "$1"); do
        if apt-cache policy "$alternative" 2>/dev/null | grep -Eq 'Candidate: [^(]'; then
            echo "$alternative"
            return 0
        fi
    done
    l4emu_package_alternatives "$1" | awk '{ print $1 }'
}

# The installed package that provides need $1 (for scripts/test-setup-checks), or nothing.
l4emu_installed_package() {
    local alternative
    for alternative in $(l4emu_package_alternatives "$1"); do
        if [ "$(dpkg-query -W -f='${Status}' "$alternative" 2>/dev/null)" = "install ok installed" ]; then
            echo "$alternative"
            return 0
        fi
    done
}

l4emu_die() {
    echo "l4emu: $*" >&2
    exit 1
}

# Sets l4emu_jdk_version to the feature version of the JDK at $1 (0 when there is none): from its
# release file, which every JDK has at its root, rather than from java -version, a JVM start of
# its own on every l4emu command; in bash, as this runs before every command and a process costs
# 10-20 ms on a busy machine.
l4emu_read_java_version() {
    local key value
    l4emu_jdk_version=""
    if [ -r "$1/release" ]; then
        while IFS='=' read -r key value; do
            if [ "$key" = JAVA_VERSION ]; then
                value="${value#\"}"
                l4emu_jdk_version="${value%%[!0-9]*}"
                break
            fi
        done < "$1/release"
    fi
    if [ -z "$l4emu_jdk_version" ] && [ -x "$1/bin/java" ]; then
        l4emu_jdk_version="$("$1/bin/java" -version 2>&1 | head -n 1 | sed -n 's/.*version "\([0-9]*\).*/\1/p')"
    fi
    l4emu_jdk_version="${l4emu_jdk_version:-0}"
}

# The feature version of the JDK at $1, printed (0 when there is none).
l4emu_java_version() {
    l4emu_read_java_version "$1"
    echo "$l4emu_jdk_version"
}

l4emu_find_java() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && l4emu_read_java_version "$candidate" \
            && [ "$l4emu_jdk_version" -ge 25 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    l4emu_die "JDK 25 not found: install one (e.g. the Debian/Adoptium package temurin-25-jdk) and set JAVA_HOME"
}

# True when the dynamic loader can find shared library $1 as a readable ELF file, in the places
# ldconfig lists (checked, as its cache may name deleted files) or the standard directories.
l4emu_library_loadable() {
    local name="$1" file
    while read -r file; do
        [ -r "$file" ] && [ "$(head -c 4 "$file" 2>/dev/null | od -An -c | tr -d ' ')" = '177ELF' ] && return 0
    done < <( { ldconfig -p 2>/dev/null | awk -v n="$name" '$1 == n { print $NF }'
                for dir in /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu /usr/lib /lib /usr/local/lib; do
                    echo "$dir/$name"
                done; } )
    return 1
}

# True when compiler $1 (with options $2...) compiles and links a freestanding program with
# libgcc, as the guest build does.
l4emu_links_with_libgcc() {
    local compiler="$1" out status
    shift
    command -v "$compiler" >/dev/null 2>&1 || return 1
    out="$(mktemp)"
    printf 'unsigned long long l4emu_div(unsigned long long a, unsigned long long b) { return a / b; }\nvoid _start(void) { }\n' \
        | "$compiler" "$@" -ffreestanding -x c - -nostdlib -static -o "$out" -lgcc >/dev/null 2>&1
    status=$?
    rm -f "$out"
    return $status
}

l4emu_package_present() {
    case "$1" in
        libunicorn2) l4emu_library_loadable libunicorn.so.2 ;;
        gcc-arm-none-eabi) l4emu_links_with_libgcc arm-none-eabi-gcc -mcpu=cortex-a15 ;;
        gcc-multilib) l4emu_links_with_libgcc gcc -m32 ;;
        libcapstone4) l4emu_library_loadable libcapstone.so.4 || l4emu_library_loadable libcapstone.so.5 ;;
        gdb-multiarch) gdb-multiarch --batch -nx -ex 'set architecture arm' >/dev/null 2>&1 ;;
        lldb) lldb --batch --no-lldbinit -o 'version' >/dev/null 2>&1 ;;
        *) return 1 ;;
    esac
}

# Sets names to the packages to install for the needs given.
l4emu_names_to_install() {
    names=()
    local package
    for package in "$@"; do
        names+=("$(l4emu_package_to_install "$package")")
    done
}

l4emu_install_packages() {
    local missing=() names=() package
    for package in "${L4EMU_PACKAGES_NEEDED[@]}"; do
        l4emu_package_present "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "l4emu: installing ${missing[*]} with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 || l4emu_die "apt-get update failed"
        l4emu_names_to_install "${missing[@]}"
        # --reinstall: a package may be installed with some of its files gone.
        apt-get install -y -qq --reinstall "${names[@]}" >&2 || l4emu_die "apt-get install ${names[*]} failed"
        for package in "${missing[@]}"; do
            l4emu_package_present "$package" || l4emu_die "$package is installed but still does not work"
        done
    else
        l4emu_names_to_install "${missing[@]}"
        l4emu_die "missing Debian packages: install them with: sudo apt-get install ${names[*]}"
    fi
}

l4emu_require_maven() {
    command -v mvn >/dev/null 2>&1 || l4emu_die "Maven not found: install it with: sudo apt-get install maven"
}

l4emu_setup() {
    l4emu_find_java
    l4emu_require_maven
    l4emu_install_packages
    export PATH="$JAVA_HOME/bin:$PATH"
}

# The Unicorn 2.1 library from Debian 13 (libunicorn2t64, which needs only libc and libm),
# unpacked into a cache without touching the system's packages; prints its path, or says in one
# line why it cannot and returns 1. Fetched once, reused after.
l4emu_unicorn_21() {
    local cache="${XDG_CACHE_HOME:-$HOME/.cache}/l4emu/unicorn-2.1"
    local library="$cache/ext/usr/lib/x86_64-linux-gnu/libunicorn.so.2"
    if [ ! -r "$library" ]; then
        local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
        [ -r "$keyring" ] || { echo "l4emu: cannot fetch Unicorn 2.1: no $keyring (apt-get install debian-archive-keyring)" >&2; return 1; }
        mkdir -p "$cache/lists/partial" "$cache/cache/archives/partial" || return 1
        printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: %s\n' \
            "$keyring" > "$cache/trixie.sources"
        local options=(-o "Dir::Etc::sourcelist=$cache/trixie.sources" -o Dir::Etc::sourceparts=/dev/null
                       -o "Dir::State::Lists=$cache/lists" -o "Dir::Cache=$cache/cache" -o APT::Sandbox::User=root
                       -o Debug::NoLocking=1)
        if ! (cd "$cache" && apt-get -qq "${options[@]}" update && apt-get -qq "${options[@]}" download libunicorn2t64 \
                && dpkg-deb -x libunicorn2t64_*.deb ext) >"$cache/fetch.log" 2>&1; then
            echo "l4emu: cannot fetch Unicorn 2.1 from the Debian archive (see $cache/fetch.log)" >&2
            return 1
        fi
    fi
    echo "$library"
}
