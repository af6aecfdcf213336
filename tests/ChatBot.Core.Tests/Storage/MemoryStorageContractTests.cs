using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Tests.Storage;

/// <summary>The storage contract, run against the in-memory default.</summary>
public sealed class MemoryStorageContractTests : StorageContract
{
    protected override IStorage NewStorage() => new MemoryStorage();
}
