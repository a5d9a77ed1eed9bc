/*
 * bcryptprimitives.dll stand-in for Wine 8 only: Go >= 1.22 imports
 * ProcessPrng, which real Windows 10/11 has and Debian 12's Wine lacks.
 * The smoke test puts this DLL in the Wine prefix; it never ships.
 */
#include <windows.h>

typedef BOOLEAN (WINAPI *rtlgenrandom_fn)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    static rtlgenrandom_fn gen;
    if (!gen) {
        HMODULE h = LoadLibraryA("advapi32.dll");
        if (!h)
            return FALSE;
        gen = (rtlgenrandom_fn)GetProcAddress(h, "SystemFunction036");
        if (!gen)
            return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!gen(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
