# syntax=docker/dockerfile:1
# Build stage: Maven (through the wrapper) on Temurin 25; produces the production jar and the JDK's AOT cache for it.
FROM eclipse-temurin:25-jdk AS build
# The AOT cache's training run creates the application context once, Flyway and Hibernate included: it needs a
# database, a throwaway PostgreSQL of this stage's own (nothing of it reaches the image).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY core/pom.xml core/
COPY public-site/pom.xml public-site/
COPY web-admin/pom.xml web-admin/
COPY batch/pom.xml batch/
COPY app/pom.xml app/
RUN ./mvnw -B -q -Pproduction dependency:go-offline -DexcludeArtifactIds=core,public-site,web-admin,batch || true
COPY . .
# The jar is extracted to /app, the path it runs from (the cache records where its classes came from), and the
# training run writes /app/advocacy.aot (docs/performance.md, start-up).
RUN service postgresql start \
    && su postgres -c "psql -q -c \"alter user postgres password 'postgres'\"" \
    && ./mvnw -B -Pproduction -DskipTests -Daot.directory=/app \
        -Daot.training-database-url=jdbc:postgresql://127.0.0.1:5432/advocacy_aot_training package \
    && service postgresql stop

# Run stage: a JRE, a non-root user, and a health check against the actuator.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system advocacy \
    && useradd --system --gid advocacy --home /app --shell /usr/sbin/nologin advocacy
WORKDIR /app
COPY --from=build /app /app
USER advocacy
EXPOSE 8080
# A 256 MB heap holds the whole platform under load (docs/performance.md: peak RSS under 600 MB).
ENV JAVA_TOOL_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
# The same JDK release as the build stage's: a cache from another one is ignored (with a warning), never fatal.
ENTRYPOINT ["java", "-XX:AOTCache=/app/advocacy.aot", "-jar", "/app/advocacy.jar"]
