using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Tests.Storage;

/// <summary>The in-memory store keeps memory flat: a bounded number of items, and none unused past the idle expiry.</summary>
public sealed class MemoryStorageBoundsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _clock = new();

    private MemoryStorage NewStorage(int maxItems = 100, int idleMinutes = 30) =>
        new(new MemoryStorageOptions { MaxItems = maxItems, IdleExpiry = TimeSpan.FromMinutes(idleMinutes) }, _clock);

    [Fact]
    public async Task Past_the_item_limit_the_least_recently_used_item_goes_first()
    {
        var storage = NewStorage(maxItems: 3);
        await storage.WriteAsync("a", "1", null, None);
        await storage.WriteAsync("b", "2", null, None);
        await storage.WriteAsync("c", "3", null, None);
        await storage.ReadAsync("a", None); // a is now more recent than b

        await storage.WriteAsync("d", "4", null, None);

        storage.Count.ShouldBe(3);
        (await storage.ReadAsync("b", None)).ShouldBeNull();
        (await storage.ReadAsync("a", None)).ShouldNotBeNull();
        (await storage.ReadAsync("d", None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Ten_thousand_conversations_over_the_limit_leave_the_store_at_its_limit()
    {
        var storage = NewStorage(maxItems: 1_000);

        for (var i = 0; i < 10_000; i++)
        {
            await storage.WriteAsync($"conv-{i}", "state", null, None);
        }

        storage.Count.ShouldBe(1_000);
        (await storage.ReadAsync("conv-9999", None)).ShouldNotBeNull();
        (await storage.ReadAsync("conv-0", None)).ShouldBeNull();
    }

    [Fact]
    public async Task An_item_unused_past_the_idle_expiry_is_gone()
    {
        var storage = NewStorage(idleMinutes: 30);
        await storage.WriteAsync("conv-1", "state", null, None);

        _clock.Advance(TimeSpan.FromMinutes(31));

        (await storage.ReadAsync("conv-1", None)).ShouldBeNull();
    }

    [Fact]
    public async Task Reading_an_item_restarts_its_idle_clock()
    {
        var storage = NewStorage(idleMinutes: 30);
        await storage.WriteAsync("conv-1", "state", null, None);

        _clock.Advance(TimeSpan.FromMinutes(20));
        await storage.ReadAsync("conv-1", None);
        _clock.Advance(TimeSpan.FromMinutes(20));

        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe("state");
    }

    [Fact]
    public async Task An_expired_item_counts_as_absent_for_a_create_only_write()
    {
        var storage = NewStorage(idleMinutes: 30);
        await storage.WriteAsync("welcomed/conv-1", "1", string.Empty, None);

        _clock.Advance(TimeSpan.FromHours(1));

        await storage.WriteAsync("welcomed/conv-1", "1", string.Empty, None);
        (await storage.ReadAsync("welcomed/conv-1", None)).ShouldNotBeNull();
    }
}
