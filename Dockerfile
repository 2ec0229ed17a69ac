# syntax=docker/dockerfile:1
# Build stage: Maven (through the wrapper) on Temurin 25; produces the production jar.
FROM eclipse-temurin:25-jdk AS build
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
RUN ./mvnw -B -Pproduction -DskipTests package

# Run stage: a JRE, a non-root user, and a health check against the actuator.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system advocacy \
    && useradd --system --gid advocacy --home /app --shell /usr/sbin/nologin advocacy
WORKDIR /app
COPY --from=build /workspace/app/target/advocacy.jar /app/advocacy.jar
USER advocacy
EXPOSE 8080
# A 256 MB heap holds the whole platform under load (docs/performance.md: peak RSS under 600 MB).
ENV JAVA_TOOL_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-jar", "/app/advocacy.jar"]
