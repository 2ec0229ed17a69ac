-- A supporter erased from the console (their row deleted, so supporter_id is set to null) takes their name,
-- address and letter out of every CWC delivery row with them. A letter still waiting is not sent: it fails for good.
-- In the database, so that erasure needs no call from the supporters feature into the cwc feature.
create function cwc_delivery_forget_erased_supporter() returns trigger language plpgsql as $$
begin
    if old.supporter_id is not null and new.supporter_id is null and new.erased_at is null then
        new.prefix := null;
        new.first_name := null;
        new.last_name := null;
        new.address1 := null;
        new.address2 := null;
        new.city := null;
        new.email := null;
        new.message := null;
        new.erased_at := now();
        if new.status in ('PENDING', 'FAILED') then
            new.status := 'FAILED';
            new.retryable := false;
            new.last_error := 'The supporter was erased before this letter was delivered; it is not sent.';
            new.ended_at := coalesce(new.ended_at, now());
        end if;
    end if;
    return new;
end
$$;

create trigger cwc_delivery_supporter_erased
    before update of supporter_id on cwc_delivery
    for each row execute function cwc_delivery_forget_erased_supporter();
