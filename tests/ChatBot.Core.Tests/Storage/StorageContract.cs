using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IStorage"/> must do, as the SDK's StorageBaseTests: each implementation's test class derives
/// from this one (MemoryStorage here, RedisStorage in ChatBot.Web.Tests, which compiles this file in too).
/// </summary>
public abstract class StorageContract
{
    /// <summary>A new, empty store that no other test sees.</summary>
    protected abstract IStorage NewStorage();

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Reading_a_missing_key_gives_nothing()
    {
        var storage = NewStorage();

        (await storage.ReadAsync("never-written", None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_written_value_reads_back_with_the_etag_the_write_returned()
    {
        var storage = NewStorage();

        var eTag = await storage.WriteAsync("conv-1", """{"topic":"trade","year":2011}""", eTag: null, None);
        var item = await storage.ReadAsync("conv-1", None);

        eTag.ShouldNotBeNullOrWhiteSpace();
        item.ShouldBe(new StoredItem("""{"topic":"trade","year":2011}""", eTag));
    }

    [Fact]
    public async Task An_unconditional_write_replaces_whatever_is_stored()
    {
        var storage = NewStorage();
        await storage.WriteAsync("conv-1", "first", eTag: null, None);

        var eTag = await storage.WriteAsync("conv-1", "second", eTag: null, None);

        (await storage.ReadAsync("conv-1", None)).ShouldBe(new StoredItem("second", eTag));
    }

    [Fact]
    public async Task A_create_only_write_succeeds_once_and_then_conflicts()
    {
        var storage = NewStorage();

        var eTag = await storage.WriteAsync("welcomed/conv-1", "1", eTag: string.Empty, None);
        await Should.ThrowAsync<StorageConflictException>(() => storage.WriteAsync("welcomed/conv-1", "2", eTag: string.Empty, None));

        (await storage.ReadAsync("welcomed/conv-1", None)).ShouldBe(new StoredItem("1", eTag));
    }

    [Fact]
    public async Task A_write_with_the_current_etag_succeeds_and_issues_a_new_etag()
    {
        var storage = NewStorage();
        var first = await storage.WriteAsync("conv-1", "turn 1", eTag: null, None);

        var second = await storage.WriteAsync("conv-1", "turn 2", first, None);

        second.ShouldNotBe(first);
        (await storage.ReadAsync("conv-1", None)).ShouldBe(new StoredItem("turn 2", second));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_the_newer_value_stays()
    {
        var storage = NewStorage();
        var stale = await storage.WriteAsync("conv-1", "turn 1", eTag: null, None);
        var current = await storage.WriteAsync("conv-1", "turn 2 from the other instance", stale, None);

        await Should.ThrowAsync<StorageConflictException>(() => storage.WriteAsync("conv-1", "turn 2 from this instance", stale, None));

        (await storage.ReadAsync("conv-1", None)).ShouldBe(new StoredItem("turn 2 from the other instance", current));
    }

    [Fact]
    public async Task A_write_with_an_etag_to_a_missing_key_is_refused()
    {
        var storage = NewStorage();
        var eTag = await storage.WriteAsync("other", "x", eTag: null, None);

        await Should.ThrowAsync<StorageConflictException>(() => storage.WriteAsync("conv-1", "y", eTag, None));

        (await storage.ReadAsync("conv-1", None)).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_removes_the_item_and_a_new_create_only_write_is_allowed()
    {
        var storage = NewStorage();
        await storage.WriteAsync("conv-1", "state", eTag: null, None);

        await storage.DeleteAsync("conv-1", None);
        (await storage.ReadAsync("conv-1", None)).ShouldBeNull();
        var eTag = await storage.WriteAsync("conv-1", "fresh", eTag: string.Empty, None);

        (await storage.ReadAsync("conv-1", None)).ShouldBe(new StoredItem("fresh", eTag));
    }

    [Fact]
    public async Task Deleting_a_missing_key_is_harmless()
    {
        var storage = NewStorage();

        await storage.DeleteAsync("never-written", None);

        (await storage.ReadAsync("never-written", None)).ShouldBeNull();
    }

    [Fact]
    public async Task An_etag_from_before_a_delete_does_not_match_the_recreated_item()
    {
        var storage = NewStorage();
        var old = await storage.WriteAsync("conv-1", "old conversation", eTag: null, None);
        await storage.DeleteAsync("conv-1", None);
        await storage.WriteAsync("conv-1", "new conversation", eTag: string.Empty, None);

        await Should.ThrowAsync<StorageConflictException>(() => storage.WriteAsync("conv-1", "lost update", old, None));

        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe("new conversation");
    }

    [Fact]
    public async Task Keys_are_exact_and_independent()
    {
        var storage = NewStorage();
        string[] keys = ["a", "A", "a ", "conv/1", "conv:1", "19:abc@thread.tacv2;messageid=1", "диалог-1", "会話", "key with spaces", "*", "?"];

        foreach (var key in keys)
        {
            await storage.WriteAsync(key, "value of " + key, eTag: string.Empty, None);
        }

        foreach (var key in keys)
        {
            (await storage.ReadAsync(key, None))!.Value.ShouldBe("value of " + key);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Қазақстан – 대한민국 ✓ \"quoted\" \\ back\\slash\nnew line\ttab")]
    [InlineData("{\"history\":[{\"q\":\"and in 2019?\",\"intent\":\"trade\"}],\"year\":null}")]
    public async Task Values_round_trip_unchanged(string value)
    {
        var storage = NewStorage();

        await storage.WriteAsync("conv-1", value, eTag: null, None);

        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe(value);
    }

    [Fact]
    public async Task A_large_value_round_trips_unchanged()
    {
        var storage = NewStorage();
        var value = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i:D5}|"));

        await storage.WriteAsync("conv-1", value, eTag: null, None);

        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe(value);
    }

    [Fact]
    public async Task Of_concurrent_writers_holding_the_same_etag_exactly_one_wins()
    {
        var storage = NewStorage();
        var eTag = await storage.WriteAsync("conv-1", "turn 1", eTag: null, None);

        var attempts = Enumerable.Range(0, 16).Select(async i =>
        {
            await Task.Yield();
            try
            {
                await storage.WriteAsync("conv-1", $"turn 2 by writer {i}", eTag, None);
                return i;
            }
            catch (StorageConflictException)
            {
                return -1;
            }
        });
        var winners = (await Task.WhenAll(attempts)).Where(i => i >= 0).ToList();

        winners.Count.ShouldBe(1);
        (await storage.ReadAsync("conv-1", None))!.Value.ShouldBe($"turn 2 by writer {winners[0]}");
    }

    [Fact]
    public async Task Writers_that_reread_on_conflict_lose_no_update()
    {
        var storage = NewStorage();
        await storage.WriteAsync("counter", "0", eTag: string.Empty, None);
        const int writers = 8, incrementsEach = 10;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var n = 0; n < incrementsEach; n++)
            {
                while (true)
                {
                    var item = (await storage.ReadAsync("counter", None))!;
                    try
                    {
                        await storage.WriteAsync("counter", (int.Parse(item.Value) + 1).ToString(), item.ETag, None);
                        break;
                    }
                    catch (StorageConflictException)
                    {
                        // another writer got there first: read again and retry, as the dialog state code does
                    }
                }
            }
        })));

        (await storage.ReadAsync("counter", None))!.Value.ShouldBe((writers * incrementsEach).ToString());
    }
}
