using System.Diagnostics;

namespace ChatBot.Tests.Shared;

/// <summary>
/// A Debian package a test needs (Chromium, redis-server), installed with apt-get the first time a test run finds its
/// program missing, so that `dotnet test` on a fresh machine needs nothing installed by hand.
/// </summary>
/// <remarks>
/// Several test assemblies run at once under `dotnet test` (and other checkouts on the same machine may run theirs),
/// so the check and the install happen under one machine-wide file lock: the second process waits, then finds the
/// program there. apt-get waits for dpkg's own lock too, in case someone else is installing at the same time.
/// A user who may not install (not root, no passwordless sudo) gets the exact command instead.
/// </remarks>
public sealed record SystemPackage(string Name, string Executable)
{
    /// <summary>Debian's Chromium, which Playwright drives (Playwright's own browser download cannot work here).</summary>
    public static SystemPackage Chromium { get; } = new("chromium", "/usr/bin/chromium");

    /// <summary>A real Redis server, as operators run it.</summary>
    public static SystemPackage RedisServer { get; } = new("redis-server", "/usr/bin/redis-server");

    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "chatbot-tests-apt.lock");

    // apt-get sets an index file's time to the mirror's, so freshness is kept in a stamp of our own.
    private static readonly string UpdatedStampPath = Path.Combine(Path.GetTempPath(), "chatbot-tests-apt-updated");

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(20);

    /// <summary>How this user installs: "" (root), "sudo -n " (passwordless sudo), or null (may not); tests replace it.</summary>
    internal Func<string?> Installer { get; init; } = InstallerPrefix;

    /// <summary>The command a person runs to install the package by hand.</summary>
    public string InstallCommand => $"sudo apt-get update && sudo apt-get install -y {Name}";

    /// <summary>
    /// Returns the program's path, installing the package first when it is missing (one line through
    /// <paramref name="announce"/> says so); throws with <see cref="InstallCommand"/> when this user may not install.
    /// </summary>
    public async Task<string> EnsureInstalledAsync(Action<string> announce, CancellationToken cancellationToken = default)
    {
        if (File.Exists(Executable))
        {
            return Executable;
        }
        using var machineLock = await AcquireLockAsync(cancellationToken);
        if (File.Exists(Executable))
        {
            return Executable; // another test process installed it while this one waited
        }
        var sudo = Installer() ?? throw new InvalidOperationException(
            $"The tests need {Executable} (Debian package {Name}), and this user cannot install packages (not root, no passwordless sudo). " +
            $"Install it with: {InstallCommand}   then run the tests again.");
        if (!File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"The tests need {Executable} (Debian package {Name}) and can install it only with apt-get, which this machine lacks. " +
                $"Install {Name} with your package manager so that {Executable} exists, then run the tests again.");
        }

        var update = NeedsUpdate();
        announce($"{Executable} is missing: installing it once for the tests with `{(update ? $"{sudo}apt-get update && " : "")}{sudo}apt-get install -y {Name}` (about a minute)...");
        if (update)
        {
            await RunAptAsync(sudo, ["update"], cancellationToken);
            await File.WriteAllTextAsync(UpdatedStampPath, DateTime.UtcNow.ToString("O"), cancellationToken);
        }
        await RunAptAsync(sudo, ["install", "-y", Name], cancellationToken);
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"apt-get installed {Name} but {Executable} is still missing. Install it with: {InstallCommand}");
        }
        return Executable;
    }

    /// <summary>"" for root, "sudo -n " for passwordless sudo, null when this user may not install.</summary>
    private static string? InstallerPrefix()
    {
        if (Environment.IsPrivilegedProcess)
        {
            return "";
        }
        try
        {
            using var sudo = Process.Start(new ProcessStartInfo("sudo", ["-n", "true"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            sudo.WaitForExit();
            return sudo.ExitCode == 0 ? "sudo -n " : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no sudo on this machine
        }
    }

    /// <summary>apt-get update runs once per test run (and machine, for six hours), or whenever no package list exists.</summary>
    private static bool NeedsUpdate()
    {
        var lists = new DirectoryInfo("/var/lib/apt/lists");
        var hasLists = lists.Exists && lists.EnumerateFiles("*_Packages*").Any();
        var stamp = new FileInfo(UpdatedStampPath);
        return !hasLists || !stamp.Exists || DateTime.UtcNow - stamp.LastWriteTimeUtc > TimeSpan.FromHours(6);
    }

    private static async Task RunAptAsync(string sudo, string[] arguments, CancellationToken cancellationToken)
    {
        var info = sudo.Length == 0 ? new ProcessStartInfo("apt-get") : new ProcessStartInfo("sudo", ["-n", "apt-get"]);
        // Wait for dpkg's lock (another apt run on the machine) instead of failing at once.
        foreach (var argument in (string[])["-q", "-o", "DPkg::Lock::Timeout=600", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var apt = Process.Start(info)!;
        var output = apt.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = apt.StandardError.ReadToEndAsync(cancellationToken);
        await apt.WaitForExitAsync(cancellationToken);
        if (apt.ExitCode != 0)
        {
            var tail = string.Join('\n', ((await output) + (await errors)).Split('\n').TakeLast(15));
            throw new InvalidOperationException($"`{sudo}apt-get {string.Join(' ', arguments)}` failed (exit {apt.ExitCode}):\n{tail}");
        }
    }

    /// <summary>An exclusive lock on a file in the temp folder, held by one process on the machine at a time.</summary>
    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken); // another process is installing; it takes a minute, not a tick
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException($"Another process held {LockPath} (installing test packages) for over {LockWait.TotalMinutes:0} minutes.", ex);
            }
        }
    }
}
