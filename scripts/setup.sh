# Shared set-up for ./l4emu and ./run-tests: finds JDK 25 and Maven, and installs the Debian
# packages l4emu needs (when root) or says in one line what to install. Sourced, not run.

# libcapstone4: disassembly in 'l4emu step'; gdb-multiarch: the GDB stub's test drives the real debugger;
# gcc-multilib: the host gcc builds the x86 guests with -m32 and needs the 32-bit libgcc.
L4EMU_PACKAGES_NEEDED=(libunicorn2 gcc-arm-none-eabi gcc-multilib libcapstone4 gdb-multiarch)

l4emu_die() {
    echo "l4emu: $*" >&2
    exit 1
}

l4emu_find_java() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
            && "$candidate/bin/java" -version 2>&1 | head -n 1 | grep -Eq '"(2[5-9]|[3-9][0-9])[".]'; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    l4emu_die "JDK 25 not found: install one (e.g. the Debian/Adoptium package temurin-25-jdk) and set JAVA_HOME"
}

l4emu_package_present() {
    case "$1" in
        libunicorn2) ldconfig -p 2>/dev/null | grep -q 'libunicorn\.so\.2' ;;
        gcc-arm-none-eabi) command -v arm-none-eabi-gcc >/dev/null 2>&1 ;;
        gcc-multilib) test -f "$(gcc -m32 -print-libgcc-file-name 2>/dev/null)" ;;
        libcapstone4) ldconfig -p 2>/dev/null | grep -q 'libcapstone\.so\.[45]' ;;
        gdb-multiarch) command -v gdb-multiarch >/dev/null 2>&1 ;;
        *) dpkg -s "$1" >/dev/null 2>&1 ;;
    esac
}

l4emu_install_packages() {
    local missing=() package
    for package in "${L4EMU_PACKAGES_NEEDED[@]}"; do
        l4emu_package_present "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "l4emu: installing ${missing[*]} with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 || l4emu_die "apt-get update failed"
        apt-get install -y -qq "${missing[@]}" >&2 || l4emu_die "apt-get install ${missing[*]} failed"
    else
        l4emu_die "missing Debian packages: install them with: sudo apt-get install ${missing[*]}"
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
