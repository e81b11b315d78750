# syntax=docker/dockerfile:1

# Build stage: the same Maven wrapper and JDK as on a developer machine.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between image builds. -P '!linux' leaves out the embedded
# PostgreSQL binaries (29 MB): the image always runs against an external PostgreSQL, as docker-compose.yml sets up.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests -P '!linux'

# Runtime stage: a JRE and the packaged application only.
FROM eclipse-temurin:17-jre
RUN groupadd --system communedx \
    && useradd --system --gid communedx --home-dir /var/lib/communedx --no-create-home communedx \
    && mkdir -p /var/lib/communedx \
    && chown communedx:communedx /var/lib/communedx
WORKDIR /app
COPY --from=build /src/web-ui/target/commune-dx-tracker.jar /app/app.jar
# Evidence files. Without SPRING_DATASOURCE_URL the application stops with one line: the image has no embedded database.
ENV COMMUNEDX_DATA_DIR=/var/lib/communedx
VOLUME /var/lib/communedx
USER communedx
EXPOSE 8080
# Out of memory, the JVM exits rather than live on answering nothing, and the container's restart policy starts it
# again. JAVA_OPTS (docker-compose.yml sets it) carries this and any other JVM option.
ENV JAVA_OPTS="-XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh","-c","exec java $JAVA_OPTS -jar /app/app.jar \"$@\"","app"]
