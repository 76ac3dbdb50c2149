"""Whether an assembly is portable IL or a ReadyToRun image (a CLI header with a managed native header).

    python3 .ci/readytorun.py il|image ASSEMBLY   (exit 0 when it is what was asked)
"""
import struct
import sys


def managed_native_header(path):
    data = open(path, "rb").read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections, optional_size = struct.unpack_from("<H", data, pe + 6)[0], struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    directories = optional + (96 if struct.unpack_from("<H", data, optional)[0] == 0x10B else 112)
    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    for i in range(sections):
        header = optional + optional_size + 40 * i
        virtual_size, virtual_address, raw_size, raw_pointer = struct.unpack_from("<IIII", data, header + 8)
        if virtual_address <= cli_rva < virtual_address + max(virtual_size, raw_size):
            cli = cli_rva - virtual_address + raw_pointer
            return struct.unpack_from("<I", data, cli + 64)[0]
    raise SystemExit(f"{path}: no CLI header")


kind, path = sys.argv[1], sys.argv[2]
is_image = managed_native_header(path) != 0
print(f"{path}: {'ReadyToRun image' if is_image else 'IL only'}")
sys.exit(0 if is_image == (kind == "image") else 1)
