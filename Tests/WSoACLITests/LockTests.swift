import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The plan lock, seen from the command line.
@Suite struct LockTests {
    @Test func aWriterGivesUpOnAHeldLockWithExit75() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let before = try wsoa.journal("stockton-on-tees-2019")
        let fd = open("\(wsoa.plans)/stockton-on-tees-2019/.lock", O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        let busy = try wsoa.run(["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"],
                                environment: ["WSOA_LOCK_TIMEOUT": "0.3"])
        #expect(busy.status == 75)
        #expect(busy.stderr.hasPrefix("Error: Another writer has held the lock on plan 'stockton-on-tees-2019'"))
        #expect(try wsoa.journal("stockton-on-tees-2019") == before)
        flock(fd, LOCK_UN)
        close(fd)
        try wsoa.succeed(["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"])
    }

    @Test func aLockFileLeftByADeadProcessBlocksNobody() throws {
        let wsoa = try WSoABinary()
        try wsoa.recordStockton(through: 2)
        let path = "\(wsoa.plans)/stockton-on-tees-2019/.lock"
        try "pid 999999: someone who crashed\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try wsoa.run(["advance", "stockton-on-tees-2019", "submit", "--on", "2019-08-12"],
                                  environment: ["WSOA_LOCK_TIMEOUT": "0.3"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
