package org.advocacy.legislators.internal;

import org.advocacy.legislators.UsState;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UsStateRepository extends JpaRepository<UsState, String> {

}
